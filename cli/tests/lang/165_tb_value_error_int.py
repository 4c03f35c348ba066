def parse_ages(text):
    ages = []
    for part in text.split(","):
        ages.append(int(part))
    return ages

print(parse_ages("1,2,3"))
print(parse_ages(" 7 ,8"))
print(sum(parse_ages("10,20")))
print(parse_ages("4, 5,six"))

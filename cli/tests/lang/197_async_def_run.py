import asyncio

async def greet(name):
    await asyncio.sleep(0)
    return f"hello {name}"

async def main():
    result = await greet("async")
    print(result)
    return len(result)

print(type(greet).__name__)
coro = greet("x")
print(type(coro).__name__)
coro.close()
print(asyncio.run(main()))

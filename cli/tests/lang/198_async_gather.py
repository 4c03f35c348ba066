import asyncio

async def square(n):
    await asyncio.sleep(0)
    return n * n

async def main():
    results = await asyncio.gather(*(square(i) for i in range(5)))
    print(results)
    tasks = [asyncio.create_task(square(i)) for i in range(3)]
    for t in tasks:
        print(await t)

asyncio.run(main())
print("done")

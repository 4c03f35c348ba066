import asyncio

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def main():
    async for t in ticker(3):
        print("tick", t)
    values = [v async for v in ticker(4) if v % 2 == 0]
    print(values)

print(type(ticker(1)).__name__)
asyncio.run(main())

import asyncio

def plain():
    return "plain function"

async def fetch():
    return "fetched"

print(plain())
print(asyncio.iscoroutinefunction(fetch), asyncio.iscoroutinefunction(plain))
loop_result = asyncio.run(fetch())
print(loop_result)

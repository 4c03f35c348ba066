import asyncio

class Connection:
    async def __aenter__(self):
        print("connect")
        return self

    async def __aexit__(self, *exc):
        print("disconnect")
        return False

    async def query(self):
        return 42

async def main():
    async with Connection() as conn:
        print("result", await conn.query())

asyncio.run(main())

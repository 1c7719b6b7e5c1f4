import asyncio, models

async def warm():
    models.get_embedding_model("huggingface", "sentence-transformers/all-MiniLM-L6-v2")

import asyncio
import models

async def call(cfg):
    model = models.get_chat_model(cfg.provider, cfg.name, **cfg.build_kwargs())
    emb = models.get_embedding_model("huggingface", "sentence-transformers/all-MiniLM-L6-v2")
    return await model.unified_call(system_message="s", user_message="u")

import models  # settings -> ModelConfig

def chat_config(settings):
    return models.ModelConfig(type=models.ModelType.CHAT, provider=settings["chat_model_provider"])

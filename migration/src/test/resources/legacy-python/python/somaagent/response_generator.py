import models

def generate(provider, name):
    return models.get_chat_model(provider, name)

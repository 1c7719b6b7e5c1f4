import models

def load() -> "models.ModelConfig":
    pass

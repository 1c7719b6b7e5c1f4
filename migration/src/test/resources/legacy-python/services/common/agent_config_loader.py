from models import (
    ModelConfig,  # limits from rpm/tpm
    ModelType,
)

import models as m

def embed(cfg):
    return m.get_embedding_model(cfg.provider, cfg.name)

import models
LIMIT = models.get_rate_limiter

from admin.llm.models import ModelConfiguration
import models_v2
# import models   (a comment, not an import)

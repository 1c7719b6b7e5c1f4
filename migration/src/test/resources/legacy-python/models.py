# the legacy module itself: never reported
import litellm

/**
 * The frontend's API, {@code /v1/models}, in exactly the camelCase shape its TypeScript {@code ModelInfo} expects
 * (seeds/001): chat and embedding models carry {@code contextLength}; image and speech models carry the vendor's
 * display name as {@code provider}.
 */
package io.llmadmin.web.frontend;

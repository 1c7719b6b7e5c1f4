/** Small checks every entity's constructor makes, in one place so that they say the same thing the same way. */
package io.llmadmin.domain.support;

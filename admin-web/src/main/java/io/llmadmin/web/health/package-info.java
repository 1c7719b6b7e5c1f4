/** MicroProfile Health probes: one class per probe. */
package io.llmadmin.web.health;

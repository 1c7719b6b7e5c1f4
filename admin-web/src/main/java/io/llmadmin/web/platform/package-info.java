/**
 * What the container gives the application and what must happen before it serves: the data source and entity
 * manager producers, and the schema migration that runs at start-up.
 */
package io.llmadmin.web.platform;

/**
 * Tells who in a Python source tree still uses the legacy {@code models.py}: the modules that {@code import models}
 * or {@code from models import ...}, and which of its names they use. The answer drives the strangler migration: when
 * the list is empty on the Python side and the frozen ArchUnit store is empty on the Java side, the facade can go.
 */
package io.llmadmin.migration.scanner;

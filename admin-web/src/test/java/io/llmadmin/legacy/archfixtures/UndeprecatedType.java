package io.llmadmin.legacy.archfixtures;

/** A fixture: a public facade type without its deprecation, which the rule must refuse. */
public interface UndeprecatedType {}

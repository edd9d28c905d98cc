package dev.quiesce.check;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter of a check on its parameter record's component: the YAML key is the
 * component's name in snake_case. The same declaration validates packs, binds values and writes docs.
 * Component types: String, List of String, Map of String to String, Integer, Boolean,
 * {@link dev.quiesce.model.FileMode}, {@link java.time.Duration}, {@link dev.quiesce.model.Version},
 * {@link java.util.regex.Pattern} and enums.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** What the parameter means, for {@code quiesce rules} and the docs. */
    String value();

    String example() default "";

    /** Absent optional parameters take {@link #defaultValue()}, or null (an empty list or map for those). */
    boolean required() default true;

    /** For strings and lists of strings: each must be an absolute path. */
    boolean path() default false;

    /** Written as it would be in YAML; for lists, items separated by commas. */
    String defaultValue() default "";

    /** For an Integer: the least value allowed. */
    long min() default Integer.MIN_VALUE;

    /** For an Integer: the greatest value allowed. */
    long max() default Integer.MAX_VALUE;
}

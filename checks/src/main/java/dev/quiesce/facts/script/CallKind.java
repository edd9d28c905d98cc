package dev.quiesce.facts.script;

/** What a session call asks the database to do, read from its ObjectScript text. */
public enum CallKind {
    /** {@code ##Class(Backup.General).ExternalFreeze(...)}, or Epic's {@code instfreeze}. */
    FREEZE,
    /** {@code ##Class(Backup.General).ExternalThaw(...)}, or Epic's {@code instthaw}. */
    THAW,
    /** {@code ##Class(Backup.General).ExternalSetHistory(...)}. */
    SET_HISTORY,
    /** Any other session use. */
    OTHER;

    private static final java.util.regex.Pattern CLASS = java.util.regex.Pattern.compile(
            "(?i:##class)\\(Backup\\.General\\)\\.(ExternalFreeze|ExternalThaw|ExternalSetHistory)\\b");

    static CallKind of(String objectScript) {
        java.util.regex.Matcher m = CLASS.matcher(objectScript);
        if (!m.find()) {
            return OTHER;
        }
        return switch (m.group(1)) {
            case "ExternalFreeze" -> FREEZE;
            case "ExternalThaw" -> THAW;
            default -> SET_HISTORY;
        };
    }
}

package dev.quiesce.facts;

import java.util.Locale;
import java.util.Optional;

/**
 * A word {@code systemctl is-enabled} prints (systemctl(1), "is-enabled output"), and whether it means the
 * unit is started at every boot: {@link Boot#YES} (enabled, generated), {@link Boot#NO} (with the fix), or
 * {@link Boot#UNDECIDED} where the word alone cannot say (an alias or an indirect unit, decided by the
 * unit it points at; static, started only when another unit pulls it in; bad).
 */
public enum UnitFileState {
    ENABLED(Boot.YES, ""),
    GENERATED(Boot.YES, ""),
    ENABLED_RUNTIME(Boot.NO, "enabled in /run only, so it is not started after the next reboot: systemctl enable %s"),
    LINKED(Boot.NO, "linked from outside the unit path but not enabled: systemctl enable %s"),
    LINKED_RUNTIME(Boot.NO, "linked in /run only and not enabled: systemctl enable %s"),
    MASKED(Boot.NO, "masked, so it cannot start at all: systemctl unmask %1$s && systemctl enable --now %1$s"),
    MASKED_RUNTIME(Boot.NO, "masked in /run, so it cannot start: systemctl unmask --runtime %1$s && "
            + "systemctl enable --now %1$s"),
    DISABLED(Boot.NO, "disabled: systemctl enable --now %s"),
    TRANSIENT(Boot.NO, "transient (made at run time), so nothing starts it at boot: systemctl enable --now %s"),
    ALIAS(Boot.UNDECIDED, "an alias: the unit it names decides"),
    INDIRECT(Boot.UNDECIDED, "indirect: enabled only through the units its Also= names"),
    STATIC(Boot.UNDECIDED, "static (no [Install] section): it starts only when another unit pulls it in"),
    BAD(Boot.UNDECIDED, "bad: systemd cannot read its unit file"),
    NOT_FOUND(Boot.NO, "not found");

    /** Whether the state means the unit starts at boot. */
    public enum Boot { YES, NO, UNDECIDED }

    private final Boot boot;
    private final String meaning;

    UnitFileState(Boot boot, String meaning) {
        this.boot = boot;
        this.meaning = meaning;
    }

    public Boot boot() {
        return boot;
    }

    /** The word as systemctl prints it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the state means for {@code unit}, with the command that fixes it where it is not started at boot. */
    public String meaning(String unit) {
        return meaning.isEmpty() ? word() : String.format(Locale.ROOT, meaning, unit);
    }

    /**
     * The state the last non-blank line of systemctl's output names (a SysV script's redirect notes come
     * first on some hosts); empty for any other text.
     */
    public static Optional<UnitFileState> parse(String output) {
        String last = output.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
        for (UnitFileState state : values()) {
            if (state.word().equals(last)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}

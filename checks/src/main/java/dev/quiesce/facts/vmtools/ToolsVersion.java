package dev.quiesce.facts.vmtools;

import dev.quiesce.model.Version;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code vmware-toolbox-cmd -v} prints, in either of its forms: {@code 12.3.5.46049 (build-22544099)}
 * up to 13.0.x, {@code 13.1.0.0.25218885} from 13.1.0 (the old form comes back with
 * {@code [vmtools] use-legacy-version=true}). The release is the first three parts in both: compared
 * whole, the old form's fourth part (an internal number) would rank {@code 12.5.0.12345} above
 * {@code 12.5.0.0.99999}, the same release.
 *
 * @param release the release, major.minor.update, as a minimum version is written
 * @param build   the build number, where printed
 * @param shown   the line as printed, for evidence
 */
public record ToolsVersion(Version release, Optional<Long> build, String shown) {
    private static final Pattern LEGACY = Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,9})\\.[0-9]{1,12}"
            + " \\(build-([0-9]{1,12})\\)");
    private static final Pattern CURRENT = Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,9})\\.[0-9]{1,9}"
            + "\\.([0-9]{1,12})");
    private static final Pattern RELEASE_ONLY = Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,9})");

    /** The version the output's first non-blank line gives, or empty when it is in neither form. */
    public static Optional<ToolsVersion> parse(String output) {
        String line = output.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        for (Pattern form : List.of(LEGACY, CURRENT, RELEASE_ONLY)) {
            Matcher m = form.matcher(line);
            if (m.matches()) {
                Version release = new Version(List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3))));
                Optional<Long> build = m.groupCount() >= 4 ? Optional.of(Long.parseLong(m.group(4))) : Optional.empty();
                return Optional.of(new ToolsVersion(release, build, line));
            }
        }
        return Optional.empty();
    }

    /** Whether this release is {@code minimum} or newer (the build does not count). */
    public boolean atLeast(Version minimum) {
        return release.atLeast(minimum);
    }
}

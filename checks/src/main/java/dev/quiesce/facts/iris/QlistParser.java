package dev.quiesce.facts.iris;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code iris qlist} / {@code ccontrol qlist}: one {@code ^}-separated line per instance, with name,
 * directory, version, status ({@code running, since ...} / {@code down, last used ...}), CPF file name,
 * superserver, web and JDBC ports, state, product, mirror member type, mirror status and data directory.
 * Older Caché releases print only the first nine fields. Never throws: a line it cannot read is skipped
 * with why.
 */
public final class QlistParser {
    /** Instance names as the installers allow them: no blank, no control character, no path separator. */
    static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9_%.-]{1,64}");
    private static final int NAME = 0;
    private static final int DIRECTORY = 1;
    private static final int VERSION = 2;
    private static final int STATUS = 3;
    private static final int CPF = 4;
    private static final int MIRROR_MEMBER = 10;
    private static final int MIRROR_STATUS = 11;

    private QlistParser() {}

    public static InstanceList parse(String output) {
        List<Instance> instances = new ArrayList<>();
        List<InstanceList.Skipped> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\^", -1);
            Optional<String> why = problem(fields, names);
            if (why.isPresent()) {
                skipped.add(new InstanceList.Skipped(i + 1, line, why.get()));
                continue;
            }
            names.add(fields[NAME]);
            instances.add(new Instance(fields[NAME], fields[DIRECTORY], fields[VERSION].strip(),
                    InstanceStates.of(fields[STATUS]), fields[STATUS].strip(), field(fields, CPF),
                    field(fields, MIRROR_MEMBER), field(fields, MIRROR_STATUS), i + 1));
        }
        return new InstanceList(instances, skipped);
    }

    private static Optional<String> problem(String[] fields, Set<String> names) {
        if (fields.length < 4) {
            return Optional.of("fewer than 4 ^-separated fields (name^directory^version^status)");
        }
        if (!INSTANCE_NAME.matcher(fields[NAME]).matches()) {
            return Optional.of("the first field is not an instance name");
        }
        if (!fields[DIRECTORY].startsWith("/")) {
            return Optional.of("the second field is not an absolute directory");
        }
        if (names.contains(fields[NAME])) {
            return Optional.of("instance " + fields[NAME] + " is listed twice");
        }
        return Optional.empty();
    }

    private static Optional<String> field(String[] fields, int index) {
        return index < fields.length && !fields[index].isBlank() ? Optional.of(fields[index].strip()) : Optional.empty();
    }
}

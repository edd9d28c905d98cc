package dev.quiesce.simulate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The calls the stand-ins recorded, read from the NUL-separated log they append to: for each call
 * {@code QZCALL}, tool, operation, instance, answer, input, the number of arguments, the arguments.
 * Never throws: a log that stops making sense (cut short at the size cap, or written to by the script
 * itself) gives the calls read so far and says where it broke.
 */
public record CallLog(List<Call> calls, Optional<String> problem) {
    private static final int MAX_ARGUMENTS = 100_000;

    public CallLog {
        calls = List.copyOf(calls);
    }

    public static CallLog parse(byte[] log) {
        List<String> fields = split(log);
        List<Call> calls = new ArrayList<>();
        int at = 0;
        while (at < fields.size()) {
            if (!fields.get(at).equals("QZCALL") || at + 7 > fields.size()) {
                return broken(calls);
            }
            String count = fields.get(at + 6);
            if (!count.matches("[0-9]{1,6}") || Integer.parseInt(count) > MAX_ARGUMENTS
                    || at + 7 + Integer.parseInt(count) > fields.size()) {
                return broken(calls);
            }
            int n = Integer.parseInt(count);
            calls.add(new Call(fields.get(at + 1), fields.get(at + 2), fields.get(at + 3), fields.get(at + 4),
                    fields.get(at + 5), fields.subList(at + 7, at + 7 + n)));
            at += 7 + n;
        }
        // A last field without its NUL was cut short: the calls before it stand.
        return log.length > 0 && log[log.length - 1] != 0 ? broken(calls) : new CallLog(calls, Optional.empty());
    }

    private static CallLog broken(List<Call> calls) {
        return new CallLog(calls, Optional.of("the call log is damaged after call " + calls.size()
                + " (cut at its size cap, or written to by the script): later calls are not shown"));
    }

    /** The NUL-terminated fields; a last field without its NUL is left out. */
    private static List<String> split(byte[] log) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == 0) {
                fields.add(new String(Arrays.copyOfRange(log, start, i), StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return fields;
    }
}

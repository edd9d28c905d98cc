package dev.quiesce.simulate;

import java.util.List;

/**
 * One call a script made to a stand-in: the command ({@code tool}), what the stand-in took it for
 * ({@code operation}: {@code ExternalFreeze}, {@code qall}, {@code logger}, ...), the instance it named,
 * the answer given (an exit status, or {@code hang}), the session input read from stdin, and the argv.
 * Everything here came from the script: print it only through a terminal-safe filter.
 */
public record Call(String tool, String operation, String instance, String answer, String input, List<String> arguments) {
    public Call {
        arguments = List.copyOf(arguments);
    }

    public boolean isFreeze() {
        return operation.equals("ExternalFreeze") || operation.equals("CommandLineFreeze");
    }

    public boolean isThaw() {
        return operation.equals("ExternalThaw") || operation.equals("CommandLineThaw");
    }

    /** Short: {@code csession IRIS ExternalFreeze=5}, {@code ccontrol qall}, {@code logger}. */
    public String summary() {
        boolean session = !instance.isEmpty() || isFreeze() || isThaw() || operation.startsWith("External")
                || operation.equals("IsWDSuspendedExt") || operation.equals("session");
        if (!session) {
            return tool.equals(operation) || operation.equals("logger") ? tool : tool + " " + operation;
        }
        return tool + " " + (instance.isEmpty() ? "(no instance)" : instance) + " " + operation + "=" + answer;
    }
}

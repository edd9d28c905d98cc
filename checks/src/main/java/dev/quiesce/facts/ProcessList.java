package dev.quiesce.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code ps -e -o user= -o args=} prints: one process a line, its user, then its command line with
 * the arguments joined by spaces (so an argument that holds a space cannot be told from two). Blank lines
 * are skipped; a line is never an error, whatever a process named itself.
 */
public record ProcessList(List<Process> processes) {
    public ProcessList {
        processes = List.copyOf(processes);
    }

    /** One process: its user (a name, or a number where ps shows one) and its arguments. */
    public record Process(String user, List<String> argv) {
        public Process {
            argv = List.copyOf(argv);
        }

        /**
         * The program's name: the last path element of the first argument, so that {@code /usr/bin/vmtoolsd}
         * is {@code vmtoolsd} and {@code grep vmtoolsd} or {@code vmtoolsd-helper} are not. Kernel threads
         * ({@code [kworker/0:1]}) and empty command lines have the empty name.
         */
        public String program() {
            if (argv.isEmpty() || argv.get(0).startsWith("[")) {
                return "";
            }
            String first = argv.get(0);
            return first.substring(first.lastIndexOf('/') + 1);
        }

        /**
         * The value of an option given as {@code -n NAME}, {@code -nNAME}, {@code --name NAME} or
         * {@code --name=NAME}, as GLib's option parser takes them; empty when it is not given.
         */
        public List<String> optionValues(String shortName, String longName) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i < argv.size(); i++) {
                String a = argv.get(i);
                if (a.equals("--")) {
                    break;
                }
                String next = i + 1 < argv.size() ? argv.get(i + 1) : "";
                if (a.equals("-" + shortName) || a.equals("--" + longName)) {
                    values.add(next);
                    i++;
                } else if (a.startsWith("--" + longName + "=")) {
                    values.add(a.substring(longName.length() + 3));
                } else if (a.startsWith("-" + shortName) && !a.startsWith("--")) {
                    values.add(a.substring(1 + shortName.length()));
                }
            }
            return values;
        }

        /** The command line as ps showed it. */
        public String commandLine() {
            return String.join(" ", argv);
        }
    }

    public static ProcessList parse(String output) {
        List<Process> processes = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            String[] words = line.strip().split("[ \t]+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            processes.add(new Process(words[0], Arrays.asList(words).subList(1, words.length)));
        }
        return new ProcessList(processes);
    }

    /** The processes whose program name ({@link Process#program()}) is exactly {@code name}. */
    public List<Process> named(String name) {
        return processes.stream().filter(p -> p.program().equals(name)).toList();
    }
}

package dev.quiesce.config;

import dev.quiesce.model.Problem;
import dev.quiesce.model.QuiesceException;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a file so they can be reported together, then thrown once. */
public final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    public void add(Location at, String message) {
        problems.add(new Problem(at.file(), at.line(), at.column(), message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new QuiesceException(problems.stream().sorted().toList());
        }
    }
}

package dev.quiesce.check;

import dev.quiesce.facts.iris.Instance;
import java.util.List;
import java.util.Objects;

/** One instance and where it was listed. */
public record ListedInstance(Instance instance, InstanceSource source) {
    public ListedInstance {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Where its CPF may be, in the order tried: the file qlist names (a name in the install directory, or an
     * absolute path), else the product's own name ({@code iris.cpf}, {@code cache.cpf}), both where the
     * inventory names no product. Empty for a directory no request can name (a NUL byte).
     */
    public List<String> cpfPaths() {
        String directory = instance.directoryPath();
        String parent = directory.equals("/") ? "" : directory;
        if (instance.directory().contains("\0") || !instance.directory().startsWith("/")) {
            return List.of();
        }
        String listed = instance.cpfFile().orElse("");
        if (listed.startsWith("/") && !listed.contains("\0")) {
            return List.of(listed);
        }
        if (!listed.isEmpty() && !listed.contains("/") && !listed.contains("\0") && !listed.equals("..")
                && !listed.equals(".")) {
            return List.of(parent + "/" + listed);
        }
        String name = source.product().cpfName();
        return name.isEmpty() ? List.of(parent + "/iris.cpf", parent + "/cache.cpf") : List.of(parent + "/" + name);
    }
}

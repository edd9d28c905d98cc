package dev.quiesce.check;

import dev.quiesce.facts.iris.Cpf;
import java.util.Objects;

/** An instance's configuration file, read whole, and the path it was read from. */
public record InstanceCpf(String path, Cpf cpf) {
    public InstanceCpf {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(cpf, "cpf");
    }

    /** A mirror member has values in {@code [MirrorMember]}: a default CPF has the section, empty. */
    public boolean mirrorMember() {
        return !cpf.mirrorMemberEntries().isEmpty();
    }
}

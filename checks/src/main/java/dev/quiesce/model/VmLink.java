package dev.quiesce.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a guest runs: the inventory name of its ESXi host, and its VM by display name or by directory
 * ({@code /vmfs/volumes/<datastore>/<dir>}); exactly one of the two.
 */
public record VmLink(String esxi, Optional<String> name, Optional<String> directory) {
    public VmLink {
        Objects.requireNonNull(esxi, "esxi");
        if (name.isPresent() == directory.isPresent()) {
            throw new IllegalArgumentException("a VM is named by its display name or its directory, not both or none");
        }
    }

    /** "esx1, VM 'db1'" or "esx1, /vmfs/volumes/ds1/db1": for messages. */
    public String describe() {
        return esxi + ", " + name.map(n -> "VM '" + n + "'").orElseGet(directory::orElseThrow);
    }
}

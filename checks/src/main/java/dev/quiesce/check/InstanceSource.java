package dev.quiesce.check;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.FactRequest;
import java.util.Optional;

/**
 * Where an instance was listed: one of the instance-list commands of IRIS ({@code iris}) or Caché
 * ({@code ccontrol}), or the inventory's {@code instances} variable where commands cannot run. The
 * product decides the default CPF name ({@code iris.cpf}, {@code cache.cpf}); the inventory names no
 * product, so both are tried.
 */
public enum InstanceSource {
    IRIS_QLIST(AllowedCommand.IRIS_QLIST, Product.IRIS),
    CCONTROL_QLIST(AllowedCommand.CCONTROL_QLIST, Product.CACHE),
    IRIS_QALL(AllowedCommand.IRIS_QALL, Product.IRIS),
    CCONTROL_QALL(AllowedCommand.CCONTROL_QALL, Product.CACHE),
    INVENTORY(null, Product.UNKNOWN);

    /** The product a source lists; the inventory does not say. */
    public enum Product {
        IRIS("IRIS", "iris.cpf"), CACHE("Caché", "cache.cpf"), UNKNOWN("IRIS or Caché", "");

        private final String label;
        private final String cpfName;

        Product(String label, String cpfName) {
            this.label = label;
            this.cpfName = cpfName;
        }

        public String label() {
            return label;
        }

        /** The CPF's name in the install directory, empty when the product is not known. */
        public String cpfName() {
            return cpfName;
        }
    }

    private final AllowedCommand command;
    private final Product product;

    InstanceSource(AllowedCommand command, Product product) {
        this.command = command;
        this.product = product;
    }

    public Product product() {
        return product;
    }

    /** The request that lists the instances; empty for the inventory. */
    public Optional<FactRequest.CommandOutput> request() {
        return Optional.ofNullable(command).map(FactRequest.CommandOutput::new);
    }

    /** How evidence and messages name the source: {@code iris qlist}, or the inventory variable. */
    public String label() {
        return command == null ? "the inventory variable " + InstanceFacts.INVENTORY_VARIABLE
                : String.join(" ", command.argv());
    }
}

package dev.quiesce.model;

/** Whether a host was audited. {@code UNREACHABLE}: no connection; {@code ERROR}: the probe failed. */
public enum HostStatus {
    AUDITED, UNREACHABLE, ERROR
}

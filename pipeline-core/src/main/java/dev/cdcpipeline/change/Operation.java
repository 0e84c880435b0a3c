package dev.cdcpipeline.change;

/** What happened to a row. The codes are Debezium's, which many consumers already know. */
public enum Operation {
    /** The row as read by the initial snapshot. */
    SNAPSHOT_READ("r"),
    INSERT("c"),
    UPDATE("u"),
    DELETE("d");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Operation fromCode(String code) {
        for (Operation operation : values()) {
            if (operation.code.equals(code)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown change operation code '" + code + "'");
    }
}

package dev.stance.data;

import java.util.List;

/** Thrown when a data file has records that do not follow the statement schema. */
public class DataFormatException extends RuntimeException {
    private final transient List<RecordError> errors;

    public DataFormatException(List<RecordError> errors) {
        super(summarise(errors));
        this.errors = List.copyOf(errors);
    }

    public List<RecordError> errors() {
        return errors;
    }

    private static String summarise(List<RecordError> errors) {
        StringBuilder sb = new StringBuilder(errors.size() + " invalid record(s):");
        errors.stream().limit(20).forEach(e -> sb.append("\n  ").append(e));
        if (errors.size() > 20) {
            sb.append("\n  ... and ").append(errors.size() - 20).append(" more");
        }
        return sb.toString();
    }
}

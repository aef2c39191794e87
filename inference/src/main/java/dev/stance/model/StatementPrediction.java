package dev.stance.model;

import dev.stance.data.Task;
import java.util.Map;

/** Predictions for both tasks of one statement. */
public record StatementPrediction(Map<Task, TaskPrediction> tasks) {
    public TaskPrediction get(Task task) {
        return tasks.get(task);
    }
}

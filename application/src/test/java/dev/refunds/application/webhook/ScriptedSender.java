package dev.refunds.application.webhook;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers with the scripted results in turn, then 200s; remembers every message. */
final class ScriptedSender implements WebhookSender {
    private final Deque<Result> script = new ArrayDeque<>();
    private final List<Message> sent = new ArrayList<>();
    private boolean alwaysFail;

    ScriptedSender then(Result result) {
        script.add(result);
        return this;
    }

    void alwaysFail(boolean fail) {
        alwaysFail = fail;
    }

    List<Message> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized Result send(Message message) {
        sent.add(message);
        if (alwaysFail) {
            return Result.answered(500, 3);
        }
        return script.isEmpty() ? Result.answered(200, 2) : script.poll();
    }
}

package io.github.camel.iotgateway.examples;

import org.apache.camel.main.Main;

/** camel-main with a way for the story to end the process with its own exit status. */
public final class StoryMain extends Main {

    /** Stops the application; {@link #run(String[])} then returns {@code code}. */
    public void finish(int code) {
        exitCode.compareAndSet(UNINITIALIZED_EXIT_CODE, code);
        completed();
    }
}

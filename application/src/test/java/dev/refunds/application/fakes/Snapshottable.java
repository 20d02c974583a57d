package dev.refunds.application.fakes;

/** A fake whose whole contents can be captured and put back, as a rolled-back transaction would. */
public interface Snapshottable {
    /** Captures the current contents; running the returned action restores exactly them. */
    Runnable snapshot();
}

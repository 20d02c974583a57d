package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;

import java.util.Map;

/** The embedded default: every start of the test's process opens the same H2 file in the same data folder. */
class SharedSecretsOnH2Test extends SharedSecretsContract {
    @Override
    ServiceProcess launch(String name, Map<String, String> settings) {
        return ServiceProcesses.launchEmbedded(name, settings);
    }
}

package org.dsscontractkit.apinode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.dsscontractkit.apinode.HttpHelper.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionIT {

    static final String SUM = "/public/api/v1/python_svc/simple_sum";
    static final String TOOLS = "/public/api/v1/tools_svc/";

    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir, Map.of(
                "tools_svc.yaml", """
                        serviceId: tools_svc
                        endpoints:
                          - {id: pid, type: PYTHON_FUNCTION, file: tools.py, function: pid}
                          - {id: die, type: PYTHON_FUNCTION, file: tools.py, function: die}
                          - {id: boom, type: PYTHON_FUNCTION, file: tools.py, function: boom}
                          - {id: slow, type: PYTHON_FUNCTION, file: tools.py, function: slow, timeoutSeconds: 1}
                          - {id: echo, type: PYTHON_FUNCTION, file: tools.py, function: echo}
                          - {id: pool, type: PYTHON_FUNCTION, file: tools.py, function: slow_pid, workers: 2}
                          - {id: r_avg, type: R_FUNCTION, file: avg.R, function: api_r_function}
                        """,
                "tools.py", """
                        import os, time
                        def pid():
                            return os.getpid()
                        def die():
                            os._exit(3)
                        def boom(x=1):
                            raise ValueError("boom %s" % x)
                        def slow(seconds):
                            time.sleep(float(seconds))
                            return "done"
                        def slow_pid():
                            time.sleep(0.3)
                            return os.getpid()
                        def echo(**kwargs):
                            print("printing does not break the protocol")
                            return {"got": kwargs, "none": None, "list": [1, 2.5, "x"]}
                        """,
                "avg.R", "api_r_function <- function(param1, param2) { mean(c(as.numeric(param1), as.numeric(param2))) }\n"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void postRunsTheFunctionWithJsonArguments() {
        Answer a = node.http.post(SUM + "/run", "{\"param1\": 30, \"param2\": 12}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("response").asInt()).isEqualTo(42);
        assertThat(a.json().get("timing").fieldNames()).toIterable().contains("preProcessing", "wait", "execution", "functionInternal");
        assertThat(a.text("/apiContext/serviceId")).isEqualTo("python_svc");
        assertThat(a.text("/apiContext/endpointId")).isEqualTo("simple_sum");
    }

    @Test
    void getPassesQueryParametersAsStrings() {
        Answer a = node.http.get(SUM + "/run/?param1=30&param2=12");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("response").asInt()).isEqualTo(42);
        Answer echo = node.http.get(TOOLS + "echo/run?a=1&b=x");
        assertThat(echo.json().at("/response/got/a").isTextual()).isTrue();
        assertThat(echo.json().at("/response/got/a").asText()).isEqualTo("1");
    }

    @Test
    void anyJsonReturnValueAndNoBodyMeansNoArguments() {
        Answer a = node.http.post(TOOLS + "echo/run", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().at("/response/got").size()).isZero();
        assertThat(a.json().at("/response/list/1").asDouble()).isEqualTo(2.5);
        assertThat(a.json().at("/response/none").isNull()).isTrue();
    }

    @Test
    void missingOrUnexpectedArgumentIs400NamingIt() {
        Answer missing = node.http.post(SUM + "/run", "{\"param1\": 30}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("/field")).isEqualTo("param2");
        assertThat(missing.text("/message")).contains("param2");
        Answer extra = node.http.post(SUM + "/run", "{\"param1\": 1, \"param2\": 2, \"param3\": 3}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.text("/message")).contains("param3");
        assertThat(node.http.post(SUM + "/run", "[1, 2]").status()).isEqualTo(400);
    }

    @Test
    void raisingFunctionGivesAnErrorBodyAndTheEndpointKeepsWorking() {
        Answer a = node.http.post(TOOLS + "boom/run", "{\"x\": 7}");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.text("/code")).isEqualTo("ERR_FUNCTION_FAILED");
        assertThat(a.text("/errorType")).isEqualTo("com.dataiku.lambda.FunctionFailedException");
        assertThat(a.text("/message")).contains("ValueError").contains("boom 7");
        assertThat(a.text("/detailedMessage")).contains("Traceback");
        assertThat(node.http.post(TOOLS + "boom/run", "{\"x\": 8}").text("/message")).contains("boom 8");
    }

    @Test
    void crashingWorkerIsReplaced() {
        Answer crash = node.http.post(TOOLS + "die/run", null);
        assertThat(crash.status()).isEqualTo(502);
        assertThat(crash.text("/code")).isEqualTo("ERR_FUNCTION_WORKER_CRASHED");
        // the next call gets a fresh worker; the crash of that worker again is reported again, server unharmed
        assertThat(node.http.post(TOOLS + "die/run", null).status()).isEqualTo(502);
        assertThat(node.http.post(SUM + "/run", "{\"param1\": 1, \"param2\": 2}").json().get("response").asInt()).isEqualTo(3);
    }

    @Test
    void killedWorkerIsReplacedByANewProcess() throws Exception {
        long first = node.http.post(TOOLS + "pid/run", null).json().get("response").asLong();
        assertThat(node.http.post(TOOLS + "pid/run", null).json().get("response").asLong()).isEqualTo(first); // long-lived
        ProcessHandle worker = ProcessHandle.of(first).orElseThrow();
        worker.destroyForcibly();
        worker.onExit().get();
        Answer after = node.http.post(TOOLS + "pid/run", null);
        long second = after.status() == 200 ? after.json().get("response").asLong()
                : node.http.post(TOOLS + "pid/run", null).json().get("response").asLong();
        assertThat(second).isNotEqualTo(first);
        assertThat(ProcessHandle.of(second)).isPresent();
    }

    @Test
    void slowFunctionTimesOutAndTheWorkerIsReplaced() {
        Answer timeout = node.http.post(TOOLS + "slow/run", "{\"seconds\": 5}");
        assertThat(timeout.status()).isEqualTo(504);
        assertThat(timeout.text("/code")).isEqualTo("ERR_FUNCTION_TIMEOUT");
        Answer quick = node.http.post(TOOLS + "slow/run", "{\"seconds\": 0}");
        assertThat(quick.status()).isEqualTo(200);
        assertThat(quick.json().get("response").asText()).isEqualTo("done");
    }

    @Test
    void concurrentCallsShareTheEndpointsWorkerPool() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Answer>>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> node.http.post(TOOLS + "pool/run", null)));
            }
            java.util.Set<Long> pids = new java.util.HashSet<>();
            for (var call : calls) {
                Answer a = call.get();
                assertThat(a.status()).isEqualTo(200);
                pids.add(a.json().get("response").asLong());
            }
            assertThat(pids).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rFunctionWithoutRIsA501SayingSo() {
        Answer a = node.http.post(TOOLS + "r_avg/run", "{\"param1\": 100, \"param2\": 20}");
        if (org.dsscontractkit.apinode.function.FunctionRuntime.rscript() == null) {
            assertThat(a.status()).isEqualTo(501);
            assertThat(a.text("/code")).isEqualTo("ERR_R_NOT_AVAILABLE");
            assertThat(a.text("/message")).contains("R is not available");
        } else {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get("response").asDouble()).isEqualTo(60.0);
        }
    }

    @Test
    void functionEndpointsAnswerOnlyRun() {
        Answer a = node.http.post(SUM + "/predict", "{\"features\": {}}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("/code")).isEqualTo("ERR_WRONG_ENDPOINT_KIND");
    }
}

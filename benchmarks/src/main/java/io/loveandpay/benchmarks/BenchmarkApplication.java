package io.loveandpay.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A plain application with the starter on its class path, as users have it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

}

package example.architecture.violation;

/** A tiny application whose module "billing" reaches into "accounts.internal": the architecture test must reject it. */
@org.springframework.modulith.Modulith
public class ViolationApplication {
}

package dev.flightdeck.incident.access;

import dev.flightdeck.testing.MotoServer;
import dev.flightdeck.testing.TestAws;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * IAM Identity Center in the shared moto_server, for break-glass tests: the instance moto's ListInstances gives, two
 * permission sets made there, an identity store of our own, and a team-file overlay naming them (written to a temp
 * file at start, since the instance is moto's). moto deviates from AWS's documented id shapes in two ways the team
 * file checks: its permission set ARNs read {@code …:instance/ssoins-…/ps-…} (AWS: {@code …:permissionSet/ssoins-…/ps-…})
 * and its identity store ids are not hex; moto keeps any permission set ARN given to CreateAccountAssignment as given
 * and makes a store for any id, so the overlay uses AWS's shapes with moto's instance and permission set ids.
 */
final class AccessAws {

    /** The account break-glass grants into. */
    static final String ACCOUNT = "111122223333";

    final MotoServer moto = TestAws.moto();
    final String instanceArn;
    final String storeId = "d-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String readOnlyArn;
    final String adminArn;

    AccessAws() {
        try (SsoAdminClient sso = ssoAdmin()) {
            instanceArn = sso.listInstances(r -> { }).instances().get(0).instanceArn();
            readOnlyArn = awsShaped(sso.createPermissionSet(r -> r.instanceArn(instanceArn).name("ReadOnly"))
                    .permissionSet().permissionSetArn());
            adminArn = awsShaped(sso.createPermissionSet(r -> r.instanceArn(instanceArn).name("Admin"))
                    .permissionSet().permissionSetArn());
        }
    }

    private static String awsShaped(String motoArn) {
        return motoArn.replace(":sso:::instance/", ":sso:::permissionSet/");
    }

    /** The overlay: incidents.access with these approvers (a group and a user), commander-grants; people: given. */
    Path overlay(String approverGroup, String approverUser, String peopleYaml) {
        String yaml = """
                flightdeck:
                  incidents:
                    access:
                      instance-arn: "%s"
                      identity-store-id: "%s"
                      account: "%s"
                      permission-sets: { ReadOnly: "%s", Admin: "%s" }
                      max-duration: 4h
                      approvers: ["@%s", %s]
                      commander-grants: true
                  people:
                %s
                """.formatted(instanceArn, storeId, ACCOUNT, readOnlyArn, adminArn, approverGroup, approverUser,
                peopleYaml.indent(4).stripTrailing());
        try {
            Path file = Files.createTempFile("flightdeck-access-", ".yml");
            Files.writeString(file, yaml);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Identity Center user named {@code userName} with that e-mail; returns its id. */
    String addUser(String userName, String email) {
        try (IdentitystoreClient ids = identityStore()) {
            return ids.createUser(r -> r.identityStoreId(storeId).userName(userName).displayName(userName)
                    .name(n -> n.givenName(userName).familyName("Test"))
                    .emails(Email.builder().value(email).primary(true).build())).userId();
        }
    }

    /** Who holds {@code permissionSetArn} in the account now, by principal id. */
    List<String> holders(String permissionSetArn) {
        try (SsoAdminClient sso = ssoAdmin()) {
            return sso.listAccountAssignments(r -> r.instanceArn(instanceArn).accountId(ACCOUNT)
                    .permissionSetArn(permissionSetArn)).accountAssignments().stream()
                    .map(AccountAssignment::principalId).toList();
        }
    }

    SsoAdminClient ssoAdmin() {
        return SsoAdminClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    IdentitystoreClient identityStore() {
        return IdentitystoreClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }
}

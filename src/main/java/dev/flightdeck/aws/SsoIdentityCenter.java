package dev.flightdeck.aws;

import dev.flightdeck.incident.access.IdentityCenter;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link IdentityCenter} on the AWS SDK: the identity store's ListUsers (filter UserName) and GetUserId (unique
 * attribute emails.value), and SSO Admin's CreateAccountAssignment / DeleteAccountAssignment with their
 * Describe…Status calls. Every SDK failure becomes {@link IdentityCenter.Unavailable} with a showable description
 * (error code and status, never AWS's own message), and the job retries; a deletion of an assignment that is gone
 * (ResourceNotFoundException) is done.
 */
@Singleton
public class SsoIdentityCenter implements IdentityCenter {

    private static final int MAX_FAILURE = 200;

    private final AwsClients clients;

    public SsoIdentityCenter(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Optional<String> userId(String identityStoreId, String name) {
        return call(() -> {
            var byName = clients.identityStore().listUsers(r -> r.identityStoreId(identityStoreId)
                    .filters(Filter.builder().attributePath("UserName").attributeValue(name).build()));
            if (!byName.users().isEmpty()) {
                return Optional.of(byName.users().get(0).userId());
            }
            if (!name.contains("@")) {
                return Optional.empty();
            }
            try {
                return Optional.of(clients.identityStore().getUserId(r -> r.identityStoreId(identityStoreId)
                        .alternateIdentifier(AlternateIdentifier.fromUniqueAttribute(UniqueAttribute.builder()
                                .attributePath("emails.value")
                                .attributeValue(software.amazon.awssdk.core.document.Document.fromString(name))
                                .build()))).userId());
            } catch (software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Progress create(Assignment a) {
        return call(() -> progress(clients.ssoAdmin().createAccountAssignment(r -> r.instanceArn(a.instanceArn())
                .targetId(a.account()).targetType(TargetType.AWS_ACCOUNT).permissionSetArn(a.permissionSetArn())
                .principalType(PrincipalType.USER).principalId(a.principalId())).accountAssignmentCreationStatus()));
    }

    @Override
    public Progress creationStatus(String instanceArn, String requestId) {
        return call(() -> progress(clients.ssoAdmin().describeAccountAssignmentCreationStatus(r -> r
                .instanceArn(instanceArn).accountAssignmentCreationRequestId(requestId))
                .accountAssignmentCreationStatus()));
    }

    @Override
    public Progress delete(Assignment a) {
        return call(() -> {
            try {
                return progress(clients.ssoAdmin().deleteAccountAssignment(r -> r.instanceArn(a.instanceArn())
                        .targetId(a.account()).targetType(TargetType.AWS_ACCOUNT).permissionSetArn(a.permissionSetArn())
                        .principalType(PrincipalType.USER).principalId(a.principalId()))
                        .accountAssignmentDeletionStatus());
            } catch (software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException e) {
                return Progress.done(); // not there (any more): nothing left to remove
            }
        });
    }

    @Override
    public Progress deletionStatus(String instanceArn, String requestId) {
        return call(() -> progress(clients.ssoAdmin().describeAccountAssignmentDeletionStatus(r -> r
                .instanceArn(instanceArn).accountAssignmentDeletionRequestId(requestId))
                .accountAssignmentDeletionStatus()));
    }

    private static Progress progress(AccountAssignmentOperationStatus s) {
        Status status = switch (s.status()) {
            case SUCCEEDED -> Status.SUCCEEDED;
            case FAILED -> Status.FAILED;
            default -> Status.IN_PROGRESS;
        };
        Optional<String> failure = Optional.ofNullable(s.failureReason())
                .map(f -> f.length() > MAX_FAILURE ? f.substring(0, MAX_FAILURE) : f);
        return new Progress(status, Optional.ofNullable(s.requestId()), failure);
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new IdentityCenter.Unavailable(AwsErrors.describe(e), null);
        }
    }
}

/** The console's own English strings. The Dutch file must have the same shape (see nl.ts). */
export const en = {
  kindling: {
    title: 'Kindling',
    login: {
      title: 'Sign in to Kindling',
      localNotice: 'Local development sign-in — not available in production',
      tenant: 'Tenant',
      tenantHelp: 'The tenant’s slug, e.g. demo',
      role: 'Role',
      name: 'Your name',
      submit: 'Sign in',
      cognitoUnavailable: 'Cognito sign-in is not configured in this build.',
    },
    roles: {
      MANAGER: 'Manager',
      OPERATOR: 'Operator',
      PARTICIPANT: 'Participant',
    },
    viewer: {
      allTenants: 'All tenants',
    },
    errors: {
      title: 'Could not load this page',
      retry: 'Try again',
    },
  },
  resources: {
    programs: {
      name: 'Program |||| Programs',
      fields: {
        name: 'Name',
        description: 'Description',
        status: 'Status',
        enrolment: 'Enrolment',
        enrolmentOpensOn: 'Enrolment opens on',
        enrolmentClosesOn: 'Enrolment closes on',
        focusAreas: 'Focus areas',
        durationMonths: 'Duration (months)',
        mentorCapacityDefault: 'Mentees per mentor',
        cadence: {
          expectedEveryDays: 'Meet every (days)',
          overdueAfterDays: 'Overdue after (days)',
        },
        counts: {
          mentors: 'Mentors',
          mentees: 'Mentees',
          activeMentorships: 'Active mentorships',
        },
        createdAt: 'Created',
        updatedAt: 'Last updated',
      },
      status: {
        DRAFT: 'Draft',
        OPEN: 'Open',
        RUNNING: 'Running',
        CLOSED: 'Closed',
      },
      enrolment: {
        between: '%{from} – %{until}',
        from: 'from %{date}',
        until: 'until %{date}',
        unset: 'Not set',
      },
      focusAreasHelp: 'Press Enter after each one',
    },
  },
};

/** The same keys with any string: what another language must provide. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

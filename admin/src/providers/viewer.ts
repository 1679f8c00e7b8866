import { graphql } from '../generated/gql.ts';
import type { AdminViewerQuery } from '../generated/graphql.ts';

export type Viewer = AdminViewerQuery['viewer'];

export const viewerQuery = graphql(`
  query AdminViewer {
    viewer {
      actor {
        id
        role
      }
      tenant {
        name
        slug
      }
    }
  }
`);

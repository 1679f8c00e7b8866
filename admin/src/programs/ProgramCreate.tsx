import { Create } from 'react-admin';
import { ProgramForm } from './ProgramForm.tsx';

export function ProgramCreate() {
  return (
    <Create redirect="show">
      <ProgramForm />
    </Create>
  );
}

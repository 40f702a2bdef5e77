/** How the history, the overview and the PDF memo mark an approval given by the submitter themself. */
export const SELF_APPROVAL_NOTE = "approved by the submitter, allowed by organisation policy";

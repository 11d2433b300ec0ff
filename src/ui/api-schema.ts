// Generated from the API's OpenAPI document by `npm run api-types` (scripts/api-types.ts): do not edit.

export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        Access: "none" | "review" | "edit";
        AnswerChange: {
            after: components["schemas"]["AnswerValue"] | null;
            before: components["schemas"]["AnswerValue"] | null;
            /** @enum {string} */
            part: "profile" | "answers";
            question: string;
        };
        AnswerValue: string | number | boolean | string[];
        Assessment: {
            answers: {
                [key: string]: components["schemas"]["AnswerValue"];
            };
            /** @description Answers taken over from `source` and neither changed nor confirmed since */
            carried?: string[];
            /** @description Answers that differ from the source’s */
            changes?: components["schemas"]["AnswerChange"][];
            /** @description ISO 8601, UTC */
            createdAt: string;
            createdBy: number | null;
            earlierResults?: {
                contentVersion: string;
                global: number | null;
                /** @description ISO 8601, UTC */
                reopenedAt: string;
                submittedAt: string | null;
            }[];
            id: number;
            missing?: string[];
            /** @description Its rank among the organisation’s assessments */
            number: number;
            organisationId: number;
            profile: {
                [key: string]: components["schemas"]["AnswerValue"];
            };
            progress?: {
                answered: number;
                percent: number;
                pillar: string;
                required: number;
            }[];
            source?: {
                assessmentId: number;
                number: number;
                submittedAt: string | null;
            } | null;
            /** @description The submitted assessment whose answers this one started from */
            sourceId: number | null;
            /** @enum {string} */
            status: "draft" | "submitted";
            submittedAt: string | null;
            submittedBy: number | null;
            /** @description ISO 8601, UTC */
            updatedAt: string;
            version: number;
            visibility?: {
                [key: string]: "asked" | "excluded" | "hidden";
            };
        };
        AssessmentResult: {
            assessmentId: number;
            /** @description ISO 8601, UTC */
            computedAt: string;
            earlierResults: {
                contentVersion: string;
                global: number | null;
                pillars: {
                    id: string;
                    score: number | null;
                }[];
                /** @description ISO 8601, UTC */
                reopenedAt: string;
                submittedAt: string | null;
            }[];
            number: number;
            organisationId: number;
            /** @description Organisations like it on this instance that agreed to count in comparisons; null when fewer than 5 others */
            peers: components["schemas"]["Peers"] | null;
            report: components["schemas"]["Report"];
            since: components["schemas"]["Movement"] | null;
            /** @description Where the global and each pillar stand among the published Impact Scores; null when the content ships none */
            standing: components["schemas"]["Standing"] | null;
            submittedAt: string | null;
        };
        Batch: {
            bytesRead: number;
            /** @description ISO 8601, UTC */
            createdAt: string;
            /** @description Why a failed batch failed, in the language it was sent in (one issue: code, path, message) */
            error: {
                code: string;
                message: string;
                path: string;
            } | null;
            finishedAt: string | null;
            id: number;
            /** @description Bytes of the input still on disk (the owner’s quota counts them) */
            inputBytes: number;
            inputFormat: string;
            inputRemovedAt: string | null;
            /** @enum {string} */
            lang: "fr" | "en";
            outputFormat: string;
            resultBytes: number;
            resultsRemovedAt: string | null;
            rows: number;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            store: boolean;
            stored: number;
            summary: {
                global: components["schemas"]["ScoreStats"];
                pillars: {
                    [key: string]: components["schemas"]["ScoreStats"];
                };
                /** @description The first 200 rows rejected or scored with a warning, each problem in words (the results file has them all) */
                problems?: {
                    id: string;
                    messages: string[];
                    name?: string;
                    rejected: boolean;
                    row: number;
                }[];
                rejected: number;
                rows: number;
                scored: number;
                /** @description Rows scored with a warning (an answer that does not apply ignored); absent on batches scored before it was counted */
                warned?: number;
            } | null;
            totalBytes: number;
            userId: number;
        };
        Comparison: {
            after: {
                assessmentId: number;
                contentVersion: string;
                number: number;
                submittedAt: string | null;
            };
            before: {
                assessmentId: number;
                contentVersion: string;
                number: number;
                submittedAt: string | null;
            };
            done: {
                actionId: string | null;
                after: number | null;
                before: number | null;
                improved: boolean | null;
                indicator: string;
                itemId: number;
            }[];
            global: components["schemas"]["Delta"];
            indicators: {
                after: number | null;
                before: number | null;
                delta: number | null;
                id: string;
                pillar: string;
            }[];
            pillars: {
                after: number | null;
                before: number | null;
                delta: number | null;
                id: string;
            }[];
            plans: components["schemas"]["PlanBilan"][];
            sameContent: boolean;
        };
        Deleted: {
            deleted: number;
        };
        Delta: {
            after: number | null;
            before: number | null;
            delta: number | null;
        };
        Error: {
            error: {
                code: string;
                /** @description On a 409: the current state of what was being changed. */
                current?: unknown;
                issues: {
                    code: string;
                    message: string;
                    path: string;
                }[];
                message: string;
            };
        };
        Event: {
            access: components["schemas"]["EventAccess"];
            /** @description ISO 8601, UTC */
            createdAt: string;
            /** @description YYYY-MM-DD */
            date: string;
            /** @description YYYY-MM-DD */
            followUp: string;
            id: number;
            improvements: string | null;
            /** @description The organisers’ own: empty for the others */
            intentions: components["schemas"]["EventIntention"][];
            organiser: {
                name: string;
                userId: number;
            } | null;
            participants: number;
            partners: string[];
            phase: components["schemas"]["EventPhase"];
            place: string;
            /** @description The event this one started from, with its improvements for next time */
            previous: {
                id: number;
                improvements: string | null;
                title: string;
            } | null;
            title: string;
            /** @description ISO 8601, UTC */
            updatedAt: string;
            version: number;
            workshops: components["schemas"]["EventWorkshop"][];
        };
        /**
         * @description organise: the event’s organiser or an admin; lead: an expert of one of its workshops; participate: a member of a participating organisation
         * @enum {string}
         */
        EventAccess: "organise" | "lead" | "participate";
        EventBilan: {
            changes: {
                after: number | null;
                before: number | null;
                count: number;
                delta: number | null;
                id: string;
                title: string;
            }[];
            counts: {
                assessedBefore: number;
                items: number;
                itemsDone: number;
                participants: number;
                plansApproved: number;
                plansDrafted: number;
                plansSubmitted: number;
                reassessed: number;
            };
            event: {
                /** @description YYYY-MM-DD */
                date: string;
                /** @description YYYY-MM-DD */
                followUp: string;
                id: number;
                partners: string[];
                place: string;
                title: string;
            };
            improvements: string | null;
            intentions: {
                achieved: number | null;
                /** @description YYYY-MM-DD */
                deadline: string;
                id: number;
                /** @enum {string} */
                kind: "participants" | "assessed-before" | "plans-drafted" | "plans-approved" | "actions-done" | "words";
                /** @description The intention in the reader’s language */
                label: string;
                /** @enum {string} */
                outcome: "met" | "missed" | "pending" | "in-words";
                target: number | null;
            }[];
            participants: {
                assessedBefore: boolean;
                globalDelta: number | null;
                items: number;
                itemsDone: number;
                /** @description Their name when they agreed to be named, otherwise « Participant 3 » */
                name: string;
                named: boolean;
                number: number;
                /** @enum {string} */
                plan: "none" | "draft" | "submitted" | "approved";
                reassessed: boolean;
                workshopTitle: string | null;
            }[];
            /** @description YYYY-MM-DD */
            today: string;
            workshops: {
                id: number;
                notes: string | null;
                title: string;
            }[];
        };
        EventCohort: {
            assessed: number;
            eventId: number;
            gaps: {
                below50: number;
                count: number;
                indicator: string;
                indicatorTitle: string;
                mean: number;
                pillar: string;
            }[];
            /** @description No figure is given about fewer organisations */
            minimumGroup: number;
            participants: {
                name: string;
                organisationId: number;
                proposedWorkshopId: number | null;
                /** @description Only for organisations that agreed to be shown */
                scores: {
                    global: number | null;
                    pillars: {
                        [key: string]: number | null;
                    };
                } | null;
                weakestPillar: string | null;
                workshopId: number | null;
            }[];
            scores: {
                count: number;
                /** @description "global" or a pillar’s id */
                id: string;
                quartiles: {
                    count: number;
                    max: number;
                    median: number;
                    min: number;
                    q1: number;
                    q3: number;
                } | null;
                title: string;
            }[];
        };
        EventHistoryEntry: {
            action: string;
            /** @description ISO 8601, UTC */
            at: string;
            detail: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            entity: "event" | "intention" | "workshop" | "invitation" | "participant";
            entityId: number | null;
            userId: number | null;
        };
        EventIntention: {
            id: number;
            /** @enum {string} */
            kind: "participants" | "assessed-before" | "plans-drafted" | "plans-approved" | "actions-done" | "words";
            target: number | null;
            text: string | null;
            version: number;
            withinWeeks: number | null;
        };
        EventInvitation: {
            /** @description ISO 8601, UTC */
            createdAt: string;
            eventId: number;
            id: number;
            /** @description Organisations that joined with it */
            joined: number;
            revokedAt: string | null;
            version: number;
        };
        EventJoined: {
            alreadyJoined: boolean;
            eventId: number;
            /** @description ISO 8601, UTC */
            joinedAt: string;
            organisationId: number;
        };
        EventParticipant: {
            assessment: {
                assessmentId: number | null;
                /** @description Submitted by the event’s day */
                beforeEvent: boolean;
                /** @enum {string} */
                status: "none" | "draft" | "submitted";
                submittedAt: string | null;
            };
            /** @description ISO 8601, UTC */
            joinedAt: string;
            name: string;
            /** @description Agreed to be named in the bilan and shown with its scores in the cohort */
            named: boolean;
            organisationId: number;
            plan: {
                planId: number | null;
                /** @description A draft the leader shared with the workshop’s experts */
                shared: boolean;
                status: "none" | components["schemas"]["PlanStatus"];
            };
            workshopId: number | null;
        };
        EventParticipants: {
            eventId: number;
            joined: number;
            participants: components["schemas"]["EventParticipant"][];
            submittedBeforeEvent: number;
        };
        /**
         * @description before the day; after it; from the follow-up day on (re-assessment and bilan)
         * @enum {string}
         */
        EventPhase: "before" | "after" | "follow-up";
        EventSignedUp: {
            csrfToken: string;
            eventId: number;
            /** @description ISO 8601, UTC */
            expiresAt: string;
            organisationId: number;
            user: {
                /** @description ISO 8601, UTC */
                createdAt: string;
                email: string;
                id: number;
                name: string;
                role: string;
            };
        };
        EventSummary: {
            access: components["schemas"]["EventAccess"];
            /** @description YYYY-MM-DD */
            date: string;
            /** @description YYYY-MM-DD */
            followUp: string;
            id: number;
            participants: number;
            phase: components["schemas"]["EventPhase"];
            place: string;
            title: string;
        };
        EventWorkshop: {
            eventId: number;
            experts: components["schemas"]["ExpertProfile"][];
            id: number;
            indicators: string[];
            /** @description The compte rendu, written after the event */
            notes: string | null;
            /** @description How many participants are assigned to it */
            participants: number;
            pillar: string | null;
            pillarTitle: string | null;
            /** @description Testimonies recorded for the event */
            recordedTestimonies: components["schemas"]["RecordedTestimony"][];
            /** @description Ids of the testimonies from data/ told there */
            testimonies: string[];
            /** @description Both kinds, in the reader’s language (recorded ones have ids event-{workshop}-{n}) */
            testimonyViews: components["schemas"]["Testimony"][];
            title: string;
            version: number;
        };
        ExpertProfile: {
            /** @description Only for the event’s organisers (the event form names experts by address) */
            email?: string;
            indicators: string[];
            /** @description The indicators they help with, in the reader’s language */
            indicatorTitles: string[];
            name: string;
            organisation: string | null;
            territory: string | null;
            userId: number;
            /** @description 0 while the expert has not written a profile */
            version: number;
        };
        ExpertWorkshopView: {
            event: components["schemas"]["EventSummary"];
            participants: {
                assessment: {
                    assessmentId: number | null;
                    /** @description Submitted by the event’s day */
                    beforeEvent: boolean;
                    /** @enum {string} */
                    status: "none" | "draft" | "submitted";
                    submittedAt: string | null;
                };
                /** @description The workshop’s indicators, weakest first */
                gaps: {
                    indicator: string;
                    indicatorTitle: string;
                    score: number | null;
                }[];
                name: string;
                organisationId: number;
                /** @description Submitted plans, and drafts shared with the experts */
                plans: {
                    id: number;
                    shared: boolean;
                    status: components["schemas"]["PlanStatus"];
                    title: string;
                }[];
                /** @description Suggested actions in the workshop’s scope, with their testimonies */
                suggestions: components["schemas"]["Suggestion"][];
            }[];
            workshop: components["schemas"]["EventWorkshop"];
        };
        FollowUpSuggestion: {
            actionId: string;
            /** @description The suggested action it builds on */
            after: string;
            afterTitle: string;
            /** @description The answers the action changes, as codes (changeViews says them in words) */
            changes: {
                from: unknown;
                question: string;
                to: unknown;
            }[];
            changeViews: {
                from: string;
                label: string;
                question: string;
                to: string;
            }[];
            /** @enum {string} */
            cost: "none" | "low" | "medium" | "high";
            costLabel: string;
            current: {
                global: number | null;
                indicator: number | null;
                pillar: number | null;
            };
            description: string;
            durationMonths: number;
            /** @enum {string} */
            effort: "low" | "medium" | "high";
            effortLabel: string;
            firstSteps: string[];
            gains: {
                global: number;
                indicator: number;
                pillar: number;
            };
            indicator: string;
            indicatorTitle: string;
            pillar: string;
            pillarTitle: string;
            projected: {
                global: number | null;
                indicator: number | null;
                pillar: number | null;
            };
            reason: string;
            resources: {
                title: string;
                url: string;
            }[];
            /** @description Ids of the linked testimonies, those of organisations most like this one first */
            testimonies: string[];
            testimonyViews: components["schemas"]["Testimony"][];
            title: string;
        };
        Health: {
            contentVersion: string;
            /** @constant */
            status: "ok";
        };
        Indicator: {
            description?: string;
            group?: string;
            id: string;
            questions: components["schemas"]["Question"][];
            title: string;
            weight: number;
        };
        IndicatorAtDetail: {
            criteria?: {
                applicable: boolean;
                id: string;
                max: number;
                points: number;
                questions: {
                    answer: string;
                    id: string;
                    label: string;
                }[];
                /** @description The step reached (or, when none, the one within reach) */
                reason: string;
                rules: components["schemas"]["RuleView"][];
            }[];
            gaps?: {
                criterion: string;
                max: number;
                points: number;
                reason: string;
            }[];
            id: string;
            maxPoints: number;
            points: number;
            reasons?: string[];
            score: number | null;
            strengths?: string[];
            title: string;
            weight: number;
        };
        IndicatorReport: {
            criteria: {
                applicable: boolean;
                id: string;
                max: number;
                points: number;
                questions: {
                    answer: string;
                    id: string;
                    label: string;
                }[];
                /** @description The step reached (or, when none, the one within reach) */
                reason: string;
                rules: components["schemas"]["RuleView"][];
            }[];
            gaps: {
                criterion: string;
                max: number;
                points: number;
                reason: string;
            }[];
            id: string;
            maxPoints: number;
            points: number;
            reasons: string[];
            score: number | null;
            strengths: string[];
            title: string;
            weight: number;
        };
        InvitationPreview: {
            /** @description YYYY-MM-DD */
            date: string;
            eventId: number;
            /** @description False once the follow-up day has passed */
            open: boolean;
            organiser: string | null;
            place: string;
            title: string;
            workshops: {
                pillarTitle: string | null;
                title: string;
            }[];
        };
        /** @enum {string} */
        ItemStatus: "todo" | "in-progress" | "done" | "dropped";
        LoggedOut: {
            /** @constant */
            loggedOut: true;
        };
        Login: {
            csrfToken: string;
            /** @description ISO 8601, UTC */
            expiresAt: string;
            user: components["schemas"]["User"];
        };
        Me: {
            /** @description With a session cookie: the token to send as X-CSRF-Token on writes */
            csrfToken?: string;
            organisations: {
                access: components["schemas"]["Access"];
                id: number;
                name: string;
            }[];
            user: components["schemas"]["User"];
        };
        Movement: {
            answersChanged: number;
            global: components["schemas"]["Delta"];
            indicators: {
                after: number | null;
                answers: {
                    after: string;
                    before: string;
                    label: string;
                    question: string;
                }[];
                before: number | null;
                criteria: {
                    after: number | null;
                    before: number | null;
                    delta: number | null;
                    id: string;
                    max: number;
                    reason: string;
                }[];
                delta: number | null;
                id: string;
                pillar: string;
                title: string;
            }[];
            pillars: {
                after: number | null;
                before: number | null;
                delta: number | null;
                id: string;
                title: string;
            }[];
            sameContent: boolean;
            since: {
                assessmentId: number;
                number: number;
                submittedAt: string | null;
            };
        };
        MyEvent: {
            event: components["schemas"]["Event"];
            participations: {
                assessment: {
                    assessmentId: number | null;
                    /** @description Submitted by the event’s day */
                    beforeEvent: boolean;
                    /** @enum {string} */
                    status: "none" | "draft" | "submitted";
                    submittedAt: string | null;
                };
                /** @description The organisation’s own bilan: its scores before and after, its actions done */
                bilan: {
                    after: {
                        global: number | null;
                        pillars: {
                            [key: string]: number | null;
                        };
                    } | null;
                    before: {
                        global: number | null;
                        pillars: {
                            [key: string]: number | null;
                        };
                    } | null;
                    items: number;
                    itemsDone: number;
                };
                /** @description ISO 8601, UTC */
                joinedAt: string;
                /** @description What is still to do, first things first */
                missing: {
                    /** @enum {string} */
                    code: "assessment" | "submit" | "workshop" | "plan" | "submit-plan" | "reassess";
                    message: string;
                }[];
                name: string;
                named: boolean;
                organisationId: number;
                plan: {
                    planId: number | null;
                    /** @description A draft the leader shared with the workshop’s experts */
                    shared: boolean;
                    status: "none" | components["schemas"]["PlanStatus"];
                };
                reassessment: {
                    /** @description The re-assessment started after the event, if any */
                    assessmentId: number | null;
                    /** @description YYYY-MM-DD */
                    from: string;
                    /** @description From the follow-up day on */
                    open: boolean;
                    /** @enum {string} */
                    status: "none" | "draft" | "submitted";
                };
                workshop: components["schemas"]["EventWorkshop"] | null;
            }[];
        };
        NewEventInvitation: {
            /** @description Shown once: only its digest is kept. Give it, or the link, to the invited */
            code: string;
            /** @description ISO 8601, UTC */
            createdAt: string;
            eventId: number;
            id: number;
            /** @description Organisations that joined with it */
            joined: number;
            /** @description The join page in the web interface, e.g. /#/join/{code} */
            path: string;
            revokedAt: string | null;
            version: number;
        };
        OpenData: {
            columns: string[];
            /** @description One row per published result, with its content_version */
            rows: {
                [key: string]: string | number | null;
            }[];
        };
        Organisation: {
            /**
             * @description What the caller may do with it
             * @enum {string}
             */
            access: "review" | "edit";
            /** @description When that was answered; null: not asked yet */
            comparisonsAskedAt: string | null;
            /** @description Whether it counts in the comparisons shown to organisations like it on this instance (off until asked at its first submission) */
            countInComparisons: boolean;
            /** @description ISO 8601, UTC */
            createdAt: string;
            id: number;
            name: string;
            profile: {
                [key: string]: components["schemas"]["AnswerValue"];
            };
            siren: string | null;
        };
        Peers: {
            /** @description Organisations in the group, the reader’s own left out */
            count: number;
            /** @description Who is in the group, in words */
            intro: string;
            /**
             * @description The narrowest group with 5 or more other consenting organisations: same headcount band and sector family, then same band, then all
             * @enum {string}
             */
            level: "size-and-sector" | "size" | "all";
            scores: {
                /** @description Organisations of the group that hold this score (5 or more; fewer and the row is left out) */
                count: number;
                /** @description "global", a pillar id or an indicator id */
                id: string;
                /** @enum {string} */
                kind: "global" | "pillar" | "indicator";
                /** @description 25th, median, 75th percentile */
                quartiles: [
                    number,
                    number,
                    number
                ];
                quartilesText: string;
                /** @description The reader’s own score */
                score: number | null;
                scoreText: string;
                title: string;
            }[];
            title: string;
        };
        Pillar: {
            description?: string;
            groups?: {
                id: string;
                title: string;
            }[];
            id: string;
            indicators: components["schemas"]["Indicator"][];
            order: number;
            title: string;
            weight: number;
        };
        Plan: {
            assessmentId: number;
            comments: {
                authorId: number;
                authorName: string;
                body: string;
                /** @description ISO 8601, UTC */
                createdAt: string;
                /** @description Set on the comment an expert wrote with their decision */
                decision: components["schemas"]["ReviewDecision"] | null;
                id: number;
                itemId: number | null;
            }[];
            /** @description ISO 8601, UTC */
            createdAt: string;
            createdBy: number | null;
            id: number;
            /** @description Actions still without an owner or a due date (dropped ones aside) */
            incomplete: {
                itemId: number;
                missing: ("owner" | "due")[];
                title: string;
            }[];
            items: components["schemas"]["PlanItem"][];
            lastDecision: components["schemas"]["PlanDecision"] | null;
            organisationId: number;
            projection: {
                current: components["schemas"]["Scores"];
                gains: {
                    global: number;
                    pillars: {
                        [key: string]: number;
                    };
                };
                projected: components["schemas"]["Scores"];
            } | null;
            reviewedAt: string | null;
            reviewedBy: number | null;
            /** @description When its organisation shared the draft with its workshop’s experts (absent from history made before events) */
            sharedAt?: string | null;
            status: components["schemas"]["PlanStatus"];
            submittedAt: string | null;
            title: string;
            /** @description ISO 8601, UTC */
            updatedAt: string;
            version: number;
        };
        PlanBilan: {
            items: {
                achieved: components["schemas"]["Delta"];
                /** @description The suggested action it comes from, or null for an action of the organisation’s own */
                actionId: string | null;
                displayTitle: string;
                /** @description 2027-03 (a month) or 2027-Q1 (a quarter) */
                due: string | null;
                /** @description The due date in the reader’s words (mars 2027, T1 2027) */
                dueLabel: string | null;
                id: number;
                indicator: string;
                indicatorTitle: string;
                notes: string | null;
                owner: string | null;
                pillar: string;
                position: number;
                projected: {
                    global: number;
                    indicator: components["schemas"]["Delta"];
                } | null;
                status: components["schemas"]["ItemStatus"];
                successIndicator: string | null;
                target: string | null;
                /** @description Null: the action’s own title (see displayTitle) */
                title: string | null;
            }[];
            lastDecision: components["schemas"]["PlanDecision"] | null;
            planId: number;
            scores: {
                achieved: number | null;
                achievedDelta: number | null;
                before: number | null;
                id: string;
                projected: number | null;
                projectedDelta: number | null;
            }[];
            status: components["schemas"]["PlanStatus"];
            title: string;
        };
        PlanDecision: {
            /** @description ISO 8601, UTC */
            at: string;
            comment: string | null;
            decision: components["schemas"]["ReviewDecision"];
            reviewerId: number | null;
            reviewerName: string | null;
        };
        PlanHistoryEntry: {
            action: string;
            /** @description ISO 8601, UTC */
            at: string;
            detail: {
                [key: string]: unknown;
            };
            snapshot: {
                assessmentId: number;
                /** @description ISO 8601, UTC */
                createdAt: string;
                createdBy: number | null;
                id: number;
                items: components["schemas"]["PlanItemRecord"][];
                organisationId: number;
                reviewedAt: string | null;
                reviewedBy: number | null;
                /** @description When its organisation shared the draft with its workshop’s experts (absent from history made before events) */
                sharedAt?: string | null;
                status: components["schemas"]["PlanStatus"];
                submittedAt: string | null;
                title: string;
                /** @description ISO 8601, UTC */
                updatedAt: string;
                version: number;
            };
            userId: number | null;
            version: number;
        };
        PlanItem: {
            /** @description The suggested action it comes from, or null for an action of the organisation’s own */
            actionId: string | null;
            displayTitle: string;
            /** @description 2027-03 (a month) or 2027-Q1 (a quarter) */
            due: string | null;
            /** @description The due date in the reader’s words (mars 2027, T1 2027) */
            dueLabel: string | null;
            id: number;
            indicator: string;
            indicatorTitle: string;
            notes: string | null;
            owner: string | null;
            pillar: string;
            position: number;
            status: components["schemas"]["ItemStatus"];
            successIndicator: string | null;
            target: string | null;
            /** @description Null: the action’s own title (see displayTitle) */
            title: string | null;
        };
        PlanItemRecord: {
            /** @description The suggested action it comes from, or null for an action of the organisation’s own */
            actionId: string | null;
            /** @description 2027-03 (a month) or 2027-Q1 (a quarter) */
            due: string | null;
            id: number;
            indicator: string;
            notes: string | null;
            owner: string | null;
            position: number;
            status: components["schemas"]["ItemStatus"];
            successIndicator: string | null;
            target: string | null;
            /** @description Null: the action’s own title (see displayTitle) */
            title: string | null;
        };
        PlanRecord: {
            assessmentId: number;
            comments: {
                authorId: number;
                authorName: string;
                body: string;
                /** @description ISO 8601, UTC */
                createdAt: string;
                /** @description Set on the comment an expert wrote with their decision */
                decision: components["schemas"]["ReviewDecision"] | null;
                id: number;
                itemId: number | null;
            }[];
            /** @description ISO 8601, UTC */
            createdAt: string;
            createdBy: number | null;
            id: number;
            items: components["schemas"]["PlanItemRecord"][];
            lastDecision: components["schemas"]["PlanDecision"] | null;
            organisationId: number;
            reviewedAt: string | null;
            reviewedBy: number | null;
            /** @description When its organisation shared the draft with its workshop’s experts (absent from history made before events) */
            sharedAt?: string | null;
            status: components["schemas"]["PlanStatus"];
            submittedAt: string | null;
            title: string;
            /** @description ISO 8601, UTC */
            updatedAt: string;
            version: number;
        };
        /** @enum {string} */
        PlanStatus: "draft" | "submitted" | "changes-requested" | "approved";
        Portfolio: {
            comparison: components["schemas"]["PortfolioComparison"];
            distribution: {
                global: components["schemas"]["ScoreStats"];
                pillars: {
                    [key: string]: components["schemas"]["ScoreStats"];
                };
            };
            gaps: {
                below50: number;
                indicator: string;
                meanPointsAvailable: number;
                organisations: number;
                pillar: string;
                title: string;
            }[];
            organisations: {
                assessmentId: number | null;
                global: number | null;
                id: number;
                name: string;
                pillars: {
                    [key: string]: number | null;
                };
                /** @description Where its global and pillars fall in the group of organisations like it on this instance, outside the portfolio; null without a submitted result or under 5 */
                position: components["schemas"]["PortfolioPosition"] | null;
                submittedAt: string | null;
            }[];
        };
        PortfolioComparison: {
            /** @description Consenting organisations outside the portfolio; null when fewer than 5 (then no instance figure is given) */
            instanceCount: number | null;
            /** @description Who is on each side, in words, and why the instance’s side is empty when it is */
            intro: string;
            scores: {
                /** @description "global", a pillar id or an indicator id */
                id: string;
                /** @description Consenting organisations outside the portfolio; null under 5 that hold the score */
                instance: {
                    /** @description Organisations of this side that hold the score */
                    count: number;
                    /** @description 25th, median, 75th percentile */
                    quartiles: [
                        number,
                        number,
                        number
                    ];
                    text: string;
                } | null;
                /** @enum {string} */
                kind: "global" | "pillar" | "indicator";
                /** @description The portfolio’s organisations with a submitted result, whether or not they agreed to count (the advisor reads each of them) */
                portfolio: {
                    /** @description Organisations of this side that hold the score */
                    count: number;
                    /** @description 25th, median, 75th percentile */
                    quartiles: [
                        number,
                        number,
                        number
                    ];
                    text: string;
                } | null;
                title: string;
            }[];
            title: string;
        };
        PortfolioPosition: {
            /** @description Consenting organisations in the group (5 or more), none of those the reader reads one by one (the portfolio) among them */
            count: number;
            group: string;
            /** @enum {string} */
            level: "size-and-sector" | "size" | "all";
            scores: {
                /** @description "global" or a pillar id */
                id: string;
                position: components["schemas"]["QuartilePosition"] | null;
                text: string;
            }[];
        };
        Publication: {
            assessmentId: number;
            includePlan: boolean;
            organisationId: number;
            /** @description The public page in the web interface, e.g. /#/public/{slug} */
            path: string;
            /** @description ISO 8601, UTC */
            publishedAt: string;
            /** @description The user who published it (last) */
            publishedBy: number | null;
            /** @description The unguessable part of the public address */
            slug: string;
            snapshot: components["schemas"]["PublicationSnapshot"];
            /** @description Set once unpublished: the address then answers 410 */
            unpublishedAt: string | null;
        };
        PublicationSnapshot: {
            /** @description The expert’s approval of that plan, when shown and given */
            approval: {
                /** @description ISO 8601, UTC */
                at: string;
                by: string;
            } | null;
            assessment: {
                number: number;
                /** @description ISO 8601, UTC */
                submittedAt: string;
            };
            contentVersion: string;
            global: number | null;
            /** @description The plan’s headline actions, when the leader chose to show the plan */
            headlineActions: {
                actionId: string | null;
                indicator: string;
                title: string | null;
            }[] | null;
            organisation: {
                name: string;
                region: string | null;
                sector: string | null;
            };
            pillars: {
                id: string;
                indicators: {
                    id: string;
                    score: number | null;
                }[];
                score: number | null;
            }[];
        };
        PublicPublication: {
            /** @description ISO 8601, UTC */
            publishedAt: string;
            slug: string;
            snapshot: components["schemas"]["PublicationSnapshot"];
        };
        PublicPublications: {
            publications: components["schemas"]["PublicPublication"][];
        };
        /** @enum {string} */
        QuartilePosition: "lowest-quarter" | "below-median" | "at-median" | "above-median" | "highest-quarter";
        Question: {
            /** @description The profiles it is asked of */
            appliesTo?: {
                [key: string]: unknown;
            };
            help?: string;
            id: string;
            integer?: boolean;
            label: string;
            max?: number;
            min?: number;
            notApplicable: boolean;
            optional: boolean;
            options?: {
                label: string;
                value: string;
            }[];
            /** @description The answers under which it is shown (a gate question answered so) */
            showIf?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "single" | "ladder" | "multiple" | "percentage" | "number" | "boolean" | "text";
            unit?: string;
        };
        Questionnaires: {
            contentVersion: string;
            lang: string;
            pillars: components["schemas"]["Pillar"][];
            profile: {
                description?: string;
                questions: components["schemas"]["Question"][];
                title: string;
            };
        };
        RankedIndicator: {
            id: string;
            pillar: string;
            score: number;
            title: string;
        };
        RecordedTestimony: {
            action: string;
            date: string;
            organisation: {
                city?: string;
                name: string;
                sector: string;
            };
            outcome: string;
            source: {
                publisher: string;
                url: string;
            };
            title: string;
        };
        Report: {
            contentVersion: string;
            global: number | null;
            /** @enum {string} */
            lang: "fr" | "en";
            organisation: string | null;
            pillars: {
                id: string;
                indicators: components["schemas"]["IndicatorReport"][];
                score: number | null;
                title: string;
                weight: number;
            }[];
            strongest: components["schemas"]["RankedIndicator"][];
            unanswered: {
                id: string;
                indicator: string;
                label: string;
                pillar: string;
            }[];
            weakest: components["schemas"]["RankedIndicator"][];
        };
        ReportAtDetail: {
            contentVersion: string;
            global: number | null;
            /** @enum {string} */
            lang: "fr" | "en";
            organisation: string | null;
            pillars: {
                id: string;
                indicators: components["schemas"]["IndicatorAtDetail"][];
                score: number | null;
                title: string;
                weight: number;
            }[];
            strongest: components["schemas"]["RankedIndicator"][];
            unanswered: {
                id: string;
                indicator: string;
                label: string;
                pillar: string;
            }[];
            weakest: components["schemas"]["RankedIndicator"][];
        };
        /** @enum {string} */
        ReviewDecision: "approve" | "request-changes";
        ReviewQueueEntry: {
            comments: number;
            items: number;
            organisationId: number;
            organisationName: string;
            planId: number;
            reviewedAt: string | null;
            status: components["schemas"]["PlanStatus"];
            submittedAt: string | null;
            title: string;
            workshops: {
                date: string;
                id: number;
                title: string;
            }[];
        };
        /** @enum {string} */
        Role: "leader" | "expert" | "advisor" | "admin" | "organiser";
        RuleView: {
            conditions: {
                /** @description The answer compared, in words */
                answer: string;
                expected: unknown;
                fact: string;
                operator: string;
                /** @description Null: not evaluated (an earlier condition decided) */
                result: boolean | null;
            }[];
            /** @description The step whose points count */
            counted: boolean;
            fired: boolean;
            name: string;
            points: number;
            reason: string;
        };
        SavedAnswers: {
            answers: {
                [key: string]: components["schemas"]["AnswerValue"];
            };
            /** @description Answers taken over from `source` and neither changed nor confirmed since */
            carried?: string[];
            /** @description Answers that differ from the source’s */
            changes?: components["schemas"]["AnswerChange"][];
            /** @description ISO 8601, UTC */
            createdAt: string;
            createdBy: number | null;
            earlierResults?: {
                contentVersion: string;
                global: number | null;
                /** @description ISO 8601, UTC */
                reopenedAt: string;
                submittedAt: string | null;
            }[];
            id: number;
            missing?: string[];
            /** @description Its rank among the organisation’s assessments */
            number: number;
            organisationId: number;
            profile: {
                [key: string]: components["schemas"]["AnswerValue"];
            };
            progress?: {
                answered: number;
                percent: number;
                pillar: string;
                required: number;
            }[];
            /** @description Answers this save made inapplicable (a gate answered no, a profile change): removed, and kept in the audit log */
            removed: {
                [key: string]: components["schemas"]["AnswerValue"];
            };
            source?: {
                assessmentId: number;
                number: number;
                submittedAt: string | null;
            } | null;
            /** @description The submitted assessment whose answers this one started from */
            sourceId: number | null;
            /** @enum {string} */
            status: "draft" | "submitted";
            submittedAt: string | null;
            submittedBy: number | null;
            /** @description ISO 8601, UTC */
            updatedAt: string;
            version: number;
            visibility?: {
                [key: string]: "asked" | "excluded" | "hidden";
            };
        };
        Scores: {
            global: number | null;
            pillars: {
                [key: string]: number | null;
            };
        };
        ScoreStats: {
            bands: number[];
            count: number;
            mean: number | null;
        };
        Standing: {
            /** @description Who these organisations are, and what the real score adds that this one does not */
            bias: string;
            groups: {
                count: number;
                heading: string;
                /** @description Null for every published organisation; a region code of the profile for its region */
                region: string | null;
                scores: {
                    /** @description "global" or a pillar id */
                    id: string;
                    /** @description 25th, median, 75th percentile */
                    quartiles: [
                        number,
                        number,
                        number
                    ];
                    quartilesText: string;
                    /** @description Null when the score does not apply */
                    rank: {
                        /** @enum {string} */
                        kind: "within" | "below" | "above";
                        percent: number;
                    } | null;
                    rankText: string;
                    score: number | null;
                    scoreText: string;
                    title: string;
                    whiskers: {
                        levels: [
                            number,
                            number
                        ];
                        values: [
                            number,
                            number
                        ];
                    };
                }[];
            }[];
            /** @description Among whom: « Parmi les 425 organisations qui ont publié leur Impact Score entre 2021 et 2024 ; … » */
            intro: string;
            /** @description How to read the quartile chart */
            legend: string;
            source: {
                text: string;
                url: string;
            };
            title: string;
        };
        Suggestion: {
            actionId: string;
            /** @description The answers the action changes, as codes (changeViews says them in words) */
            changes: {
                from: unknown;
                question: string;
                to: unknown;
            }[];
            changeViews: {
                from: string;
                label: string;
                question: string;
                to: string;
            }[];
            /** @enum {string} */
            cost: "none" | "low" | "medium" | "high";
            costLabel: string;
            current: {
                global: number | null;
                indicator: number | null;
                pillar: number | null;
            };
            description: string;
            durationMonths: number;
            /** @enum {string} */
            effort: "low" | "medium" | "high";
            effortLabel: string;
            firstSteps: string[];
            followUps: {
                actionId: string;
                /** @description The suggested action it builds on */
                after: string;
                /** @description The answers the action changes, as codes (changeViews says them in words) */
                changes: {
                    from: unknown;
                    question: string;
                    to: unknown;
                }[];
                /** @enum {string} */
                cost: "none" | "low" | "medium" | "high";
                current: {
                    global: number | null;
                    indicator: number | null;
                    pillar: number | null;
                };
                durationMonths: number;
                /** @enum {string} */
                effort: "low" | "medium" | "high";
                gains: {
                    global: number;
                    indicator: number;
                    pillar: number;
                };
                indicator: string;
                pillar: string;
                projected: {
                    global: number | null;
                    indicator: number | null;
                    pillar: number | null;
                };
                /** @description Ids of the linked testimonies, those of organisations most like this one first */
                testimonies: string[];
            }[];
            /** @description Actions that build on this one (shown after it): their gains count once this one is done */
            followUpViews: components["schemas"]["FollowUpSuggestion"][];
            gains: {
                global: number;
                indicator: number;
                pillar: number;
            };
            indicator: string;
            indicatorTitle: string;
            pillar: string;
            pillarTitle: string;
            projected: {
                global: number | null;
                indicator: number | null;
                pillar: number | null;
            };
            rank: number;
            reason: string;
            resources: {
                title: string;
                url: string;
            }[];
            /** @description Ids of the linked testimonies, those of organisations most like this one first */
            testimonies: string[];
            testimonyViews: components["schemas"]["Testimony"][];
            title: string;
        };
        Suggestions: {
            assessmentId: number;
            contentVersion: string;
            global: number | null;
            suggestions: components["schemas"]["Suggestion"][];
        };
        Testimony: {
            action: string;
            date: string;
            id: string;
            organisation: {
                city?: string;
                headcount?: string;
                legalForm?: string;
                name: string;
                region?: string;
                sector: string;
            };
            outcome: string;
            source: {
                date?: string;
                publisher: string;
                title?: string;
                url: string;
            };
            title: string;
        };
        TestimonyEntry: {
            action: string;
            date: string;
            id: string;
            /** @description The indicators of the actions that cite it (for picking the testimonies of a workshop) */
            indicators: string[];
            organisation: {
                city?: string;
                headcount?: string;
                legalForm?: string;
                name: string;
                region?: string;
                sector: string;
            };
            outcome: string;
            source: {
                date?: string;
                publisher: string;
                title?: string;
                url: string;
            };
            title: string;
        };
        TestimonyLibrary: {
            testimonies: components["schemas"]["TestimonyEntry"][];
        };
        User: {
            /** @description ISO 8601, UTC */
            createdAt: string;
            email: string;
            id: number;
            name: string;
            role: components["schemas"]["Role"];
        };
        Workshop: {
            /** @description ISO 8601, UTC */
            createdAt: string;
            date: string;
            /** @description The event it belongs to (issue #24): workshops of before each became an event of their own */
            eventId: number;
            /** @description Its first expert; see the event for all of them */
            expertUserId: number | null;
            id: number;
            organisationIds: number[];
            pillar: string | null;
            place: string;
            title: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
